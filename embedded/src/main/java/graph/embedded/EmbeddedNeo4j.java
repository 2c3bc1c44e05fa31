package graph.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community in this JVM with Bolt on loopback, for `npm start` and the tests.
 *
 * <p>Usage: {@code EmbeddedNeo4j --home DIR --port N --plugins DIR [--pagecache 512m]}. Prints
 * {@code NEO4J_READY bolt://127.0.0.1:N} once the database answers. Shuts down cleanly on SIGTERM,
 * and also when its standard input closes: the Node parent holds the other end of that pipe, so if
 * the parent dies in any way (even SIGKILL) the pipe closes and this JVM follows it.
 */
public final class EmbeddedNeo4j {
  public static void main(String[] argv) throws Exception {
    Map<String, String> args = parseArgs(argv);
    Path home = Path.of(require(args, "home")).toAbsolutePath();
    int port = Integer.parseInt(require(args, "port"));
    Path plugins = Path.of(require(args, "plugins")).toAbsolutePath();

    DatabaseManagementService dbms =
        new DatabaseManagementServiceBuilder(home)
            .setConfig(BoltConnector.enabled, true)
            .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
            .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
            .setConfig(GraphDatabaseSettings.plugin_dir, plugins)
            .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"))
            .setConfig(
                GraphDatabaseSettings.pagecache_memory,
                ByteUnit.parse(args.getOrDefault("pagecache", "512m")))
            // Bolt's Netty event loops wait a 5 s "quiet period" each (two groups: 10 s) at shutdown,
            // after the databases have already stopped and checkpointed: nothing is left to drain.
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
            .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(1))
            // A query still running at shutdown is terminated after 1 s instead of 10 s: `npm start`
            // stops within 3 s, and the transaction rolls back either way.
            .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(1))
            .build();
    Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    db.executeTransactionally("RETURN 1");
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();

    exitWhenParentGoes(System.in);
  }

  /** Blocks until standard input reaches end of file, then exits (running the shutdown hook). */
  private static void exitWhenParentGoes(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) != -1) {
        // The parent never writes; any bytes are ignored.
      }
    } catch (IOException ignored) {
      // A broken pipe means the parent is gone, same as end of file.
    }
    System.exit(0);
  }

  private static Map<String, String> parseArgs(String[] argv) {
    Map<String, String> args = new HashMap<>();
    for (int i = 0; i + 1 < argv.length; i += 2) {
      if (!argv[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + argv[i]);
      args.put(argv[i].substring(2), argv[i + 1]);
    }
    return args;
  }

  private static String require(Map<String, String> args, String name) {
    String value = args.get(name);
    if (value == null) throw new IllegalArgumentException("missing --" + name);
    return value;
  }
}
