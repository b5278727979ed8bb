package org.ortc4j.srtp;

/**
 * Settings of an {@link SrtpContext}: replay window sizes and the cap on per-SSRC state.
 * Immutable; start from {@link #defaults()} or {@link #builder()}, change one with {@link
 * #newBuilder()}.
 *
 * <pre>{@code
 * SrtpOptions options = SrtpOptions.builder().rtpReplayWindow(1024).build(); // as libwebrtc
 * }</pre>
 */
public final class SrtpOptions {
  /** The smallest replay window, and the default (as Pion and RFC 3711 §3.3.2's minimum). */
  public static final int MIN_REPLAY_WINDOW = 64;
  /** The largest replay window. */
  public static final int MAX_REPLAY_WINDOW = 32768;
  /** The largest {@link #maxStreams()}. */
  public static final int MAX_STREAMS_LIMIT = 1 << 16;

  private static final SrtpOptions DEFAULTS = builder().build();

  private final int rtpReplayWindow;
  private final int rtcpReplayWindow;
  private final int maxStreams;

  private SrtpOptions(Builder builder) {
    this.rtpReplayWindow = checkWindow("rtpReplayWindow", builder.rtpReplayWindow);
    this.rtcpReplayWindow = checkWindow("rtcpReplayWindow", builder.rtcpReplayWindow);
    if (builder.maxStreams < 1 || builder.maxStreams > MAX_STREAMS_LIMIT) {
      throw new IllegalArgumentException(
          "maxStreams must be between 1 and " + MAX_STREAMS_LIMIT + ": " + builder.maxStreams);
    }
    this.maxStreams = builder.maxStreams;
  }

  /** The default options: windows of 64 packets, at most 1024 SSRCs per packet kind. */
  public static SrtpOptions defaults() {
    return DEFAULTS;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /**
   * How many SRTP packet indices behind the highest one received are still accepted (once
   * each); older ones are {@link SrtpStatus#REPLAY_TOO_OLD}. Default 64.
   */
  public int rtpReplayWindow() {
    return rtpReplayWindow;
  }

  /** The same as {@link #rtpReplayWindow()} for SRTCP indices. Default 64. */
  public int rtcpReplayWindow() {
    return rtcpReplayWindow;
  }

  /**
   * How many SSRCs a context keeps state for, separately for SRTP and SRTCP; a packet of one
   * more SSRC is {@link SrtpStatus#STREAM_LIMIT}. State is never evicted. Default 1024.
   */
  public int maxStreams() {
    return maxStreams;
  }

  private static int checkWindow(String name, int size) {
    if (size < MIN_REPLAY_WINDOW || size > MAX_REPLAY_WINDOW || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException(name + " must be a power of two between "
          + MIN_REPLAY_WINDOW + " and " + MAX_REPLAY_WINDOW + ": " + size);
    }
    return size;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SrtpOptions that
        && rtpReplayWindow == that.rtpReplayWindow
        && rtcpReplayWindow == that.rtcpReplayWindow
        && maxStreams == that.maxStreams;
  }

  @Override
  public int hashCode() {
    return (rtpReplayWindow * 31 + rtcpReplayWindow) * 31 + maxStreams;
  }

  @Override
  public String toString() {
    return "SrtpOptions[rtpReplayWindow=" + rtpReplayWindow + ", rtcpReplayWindow="
        + rtcpReplayWindow + ", maxStreams=" + maxStreams + "]";
  }

  /** Builds {@link SrtpOptions}; values are validated by {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private int rtpReplayWindow = MIN_REPLAY_WINDOW;
    private int rtcpReplayWindow = MIN_REPLAY_WINDOW;
    private int maxStreams = 1024;

    private Builder() {}

    private Builder(SrtpOptions options) {
      this.rtpReplayWindow = options.rtpReplayWindow;
      this.rtcpReplayWindow = options.rtcpReplayWindow;
      this.maxStreams = options.maxStreams;
    }

    /** Sets {@link SrtpOptions#rtpReplayWindow()}: a power of two from 64 to 32768. */
    public Builder rtpReplayWindow(int packets) {
      this.rtpReplayWindow = packets;
      return this;
    }

    /** Sets {@link SrtpOptions#rtcpReplayWindow()}: a power of two from 64 to 32768. */
    public Builder rtcpReplayWindow(int packets) {
      this.rtcpReplayWindow = packets;
      return this;
    }

    /** Sets {@link SrtpOptions#maxStreams()}: from 1 to 65536. */
    public Builder maxStreams(int streams) {
      this.maxStreams = streams;
      return this;
    }

    /**
     * The options.
     *
     * @throws IllegalArgumentException if a value is out of its range
     */
    public SrtpOptions build() {
      return new SrtpOptions(this);
    }
  }
}
