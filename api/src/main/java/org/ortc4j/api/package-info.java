/**
 * The ORTC object model users touch; not written yet (issue 6).
 *
 * <p>This module will hold {@code IceGatherer}, {@code IceTransport} and {@code DtlsTransport}
 * in the shape of Pion's ORTC objects, an immutable settings object, the RFC 7983
 * demultiplexer, SRTP/SRTCP media sessions, and every state as an RxJava 3 {@code Observable}
 * that replays the current state and never errors.
 */
package org.ortc4j.api;
