package org.ortc4j.ice.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Address helpers: text forms for signalling and the default host addresses. */
public final class Addresses {
  private Addresses() {}

  /** The address as signalling writes it: dotted IPv4, or compressed IPv6 without scope. */
  public static String toText(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    return compressIpv6(address.getAddress());
  }

  private static String compressIpv6(byte[] a) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (a[2 * i] & 0xFF) << 8 | a[2 * i + 1] & 0xFF;
    }
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }

  /** Every address of every interface that is up, not loopback and not link-local. */
  public static List<InetAddress> usableInterfaceAddresses() throws SocketException {
    List<InetAddress> result = new ArrayList<>();
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || nif.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        boolean linkLocal = a instanceof Inet6Address && a.isLinkLocalAddress();
        if (!linkLocal && !a.isLoopbackAddress() && !a.isAnyLocalAddress()) {
          result.add(a);
        }
      }
    }
    return result;
  }
}
