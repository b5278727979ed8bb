package org.ortc4j.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --name value} options of the measurement mains, over their defaults. */
final class BenchOptions {
  private BenchOptions() {}

  /**
   * The defaults with {@code args} applied.
   *
   * @throws IllegalArgumentException for a name the defaults do not have
   */
  static Map<String, String> parse(Map<String, String> defaults, String[] args) {
    Map<String, String> options = new LinkedHashMap<>(defaults);
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--") || !options.containsKey(args[i].substring(2))) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
