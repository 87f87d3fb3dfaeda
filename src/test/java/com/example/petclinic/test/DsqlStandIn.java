package com.example.petclinic.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A local stand-in for an Aurora DSQL cluster, reached exactly as the service reaches a
 * cluster: an embedded PostgreSQL 17 with TLS on, at a cluster endpoint name
 * ({@code <id>.dsql.us-east-1.on.aws}) on DSQL's port 5432, with a server certificate for
 * that name issued by a {@link TestCertificateAuthority}. The test JVM resolves the name
 * to a loopback address of its own through the hosts file {@code test.hosts}
 * ({@code jdk.net.hosts.file}, set by the build), and a relay there passes every byte on
 * to the server's own port: TLS runs end to end between pgJDBC and PostgreSQL.
 * <p>
 * As on DSQL, {@value #ADMIN} works in {@code public} and the non-admin role
 * {@value #NON_ADMIN} in {@value #NON_ADMIN_SCHEMA}, which the admin created and granted
 * it; both log in only over TLS and only with a password, which stands for the IAM auth
 * token. Started once per test JVM, when first used.
 * <p>
 * A test class annotated {@link OnDsqlStandIn} runs with the JVM's default TLS context
 * trusting the stand-in's authority (and nothing else), as a JVM on DSQL trusts Amazon's
 * root, and is skipped, saying why, where the stand-in cannot run.
 */
public final class DsqlStandIn {

	public static final String ADMIN = "admin";

	public static final String NON_ADMIN = "app";

	public static final String NON_ADMIN_SCHEMA = "myschema";

	/** Aurora DSQL's port, which the service's JDBC URL fixes. */
	static final int DSQL_PORT = 5432;

	private static final String HOSTS_FILE_PROPERTY = "jdk.net.hosts.file";

	private static final String HBA = """
			# the tests' own superuser connections, straight to the server's port
			host all postgres 127.0.0.1/32 trust
			host all postgres ::1/128 trust
			# every other role, as on DSQL: TLS, and a password (the token)
			hostssl all all 127.0.0.1/32 scram-sha-256
			hostssl all all ::1/128 scram-sha-256
			""";

	private static @Nullable DsqlStandIn instance;

	private static @Nullable String unavailableReason;

	private final Endpoint endpoint;

	private final EmbeddedPostgres postgres;

	private final Relay relay;

	private final SSLContext trustingItsAuthority;

	private DsqlStandIn(Endpoint endpoint, EmbeddedPostgres postgres, Relay relay, SSLContext trustingItsAuthority) {
		this.endpoint = endpoint;
		this.postgres = postgres;
		this.relay = relay;
		this.trustingItsAuthority = trustingItsAuthority;
	}

	/**
	 * The stand-in of this test JVM, started on first use.
	 * @throws IllegalStateException saying why, when it cannot run here
	 */
	public static synchronized DsqlStandIn instance() {
		DsqlStandIn standIn = instanceOrNull();
		if (standIn == null) {
			throw new IllegalStateException(unavailableReason);
		}
		return standIn;
	}

	private static synchronized @Nullable DsqlStandIn instanceOrNull() {
		if (instance == null && unavailableReason == null) {
			try {
				instance = start();
			}
			catch (StandInUnavailableException ex) {
				unavailableReason = ex.getMessage();
			}
		}
		return instance;
	}

	/** The cluster endpoint, the one host name its certificate has. */
	public String endpoint() {
		return this.endpoint.host();
	}

	/** Another host name that reaches the same server, one its certificate lacks. */
	public String hostNameNotInItsCertificate() {
		return this.endpoint.otherHost();
	}

	/** The superuser, connected straight to the server (not as the service connects). */
	public DataSource superuser() {
		return this.postgres.getPostgresDatabase();
	}

	/**
	 * How many connections reached the stand-in at the cluster endpoint's address.
	 */
	public int connectionsAccepted() {
		return this.relay.accepted.get();
	}

	/**
	 * How many of them opened with a plain-text request, not at once with TLS (direct
	 * negotiation sends the TLS handshake as its first bytes).
	 */
	public int connectionsNotOpenedWithTls() {
		return this.relay.notOpenedWithTls.get();
	}

	/**
	 * Drops everything the roles made, and gives the non-admin role its empty schema
	 * again, as an admin would on DSQL.
	 */
	public void reset() {
		execute("DROP OWNED BY %s, %s CASCADE".formatted(ADMIN, NON_ADMIN),
				"CREATE SCHEMA %s AUTHORIZATION %s".formatted(NON_ADMIN_SCHEMA, ADMIN),
				"GRANT ALL PRIVILEGES ON SCHEMA %s TO %s".formatted(NON_ADMIN_SCHEMA, NON_ADMIN));
	}

	/**
	 * Runs each statement as the superuser, in its own transaction.
	 */
	public void execute(String... statements) {
		JdbcClient superuser = JdbcClient.create(superuser());
		for (String sql : statements) {
			superuser.sql(sql).update();
		}
	}

	/**
	 * Runs {@code action} with the trust the JVM has of its own (its default trust
	 * store), which does not include the stand-in's authority.
	 */
	public static void withTheJvmsOwnTrust(Runnable action) {
		SSLContext current;
		try {
			current = SSLContext.getDefault();
			SSLContext.setDefault(SSLContext.getInstance("Default"));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		try {
			action.run();
		}
		finally {
			SSLContext.setDefault(current);
		}
	}

	private static DsqlStandIn start() {
		List<Endpoint> endpoints = endpoints();
		ServerSocket listener = bindFirstFree(endpoints);
		Endpoint endpoint = endpoints.stream()
			.filter((candidate) -> candidate.address().equals(listener.getInetAddress()))
			.findFirst()
			.orElseThrow();
		TestCertificateAuthority authority = TestCertificateAuthority.create("Pet Clinic DSQL stand-in test CA");
		TestCertificateAuthority.ServerCertificate certificate = authority.issueServerCertificate(endpoint.host());
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("ssl", "on")
				.setServerConfig("password_encryption", "scram-sha-256")
				.setDataDirectoryCustomizer((directory) -> {
					Path data = directory.toPath();
					// The names PostgreSQL reads by default (ssl_cert_file,
					// ssl_key_file).
					certificate.writePem(data.resolve("server.crt"), data.resolve("server.key"));
					try {
						Files.writeString(data.resolve("pg_hba.conf"), HBA);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				})
				.start();
			Relay relay = new Relay(listener, postgres.getPort());
			DsqlStandIn standIn = new DsqlStandIn(endpoint, postgres, relay, authority.trustingOnlyThis());
			standIn.execute("CREATE ROLE " + ADMIN + " LOGIN", "CREATE ROLE " + NON_ADMIN + " LOGIN",
					// The database owner may create in public (PostgreSQL 15 and later):
					// the admin's schema.
					"ALTER DATABASE postgres OWNER TO " + ADMIN);
			standIn.reset();
			return standIn;
		}
		catch (IOException ex) {
			closeQuietly(listener);
			throw new UncheckedIOException("Cannot start the embedded PostgreSQL of the DSQL stand-in", ex);
		}
	}

	/**
	 * The endpoints the hosts file lists: address, cluster endpoint, another name.
	 */
	private static List<Endpoint> endpoints() {
		String hostsFile = System.getProperty(HOSTS_FILE_PROPERTY);
		if (hostsFile == null) {
			throw new StandInUnavailableException(("The DSQL stand-in needs the system property %s, which the build "
					+ "sets to src/test/resources/test.hosts: run the test with Maven, or set it when the JVM starts")
				.formatted(HOSTS_FILE_PROPERTY));
		}
		try {
			List<Endpoint> endpoints = new ArrayList<>();
			for (String line : Files.readAllLines(Path.of(hostsFile))) {
				String[] fields = line.strip().split("\\s+");
				if (fields.length == 3 && !fields[0].startsWith("#") && fields[1].contains(".dsql.")) {
					endpoints.add(new Endpoint(InetAddress.getByName(fields[0]), fields[1], fields[2]));
				}
			}
			return endpoints;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the hosts file " + hostsFile, ex);
		}
	}

	private static ServerSocket bindFirstFree(List<Endpoint> endpoints) {
		List<String> failures = new ArrayList<>();
		for (Endpoint endpoint : endpoints) {
			ServerSocket listener = null;
			try {
				listener = new ServerSocket();
				listener.bind(new InetSocketAddress(endpoint.address(), DSQL_PORT));
				return listener;
			}
			catch (IOException ex) {
				closeQuietly(listener);
				failures.add(endpoint.address().getHostAddress() + ": " + ex.getMessage());
				if (ex instanceof BindException && !String.valueOf(ex.getMessage()).contains("in use")) {
					// Not a loopback address of this machine: macOS routes only 127.0.0.1
					// to lo0.
					throw new StandInUnavailableException(("The DSQL stand-in cannot listen on %s:%d (%s): on macOS "
							+ "add the loopback addresses of src/test/resources/test.hosts first, like: "
							+ "sudo ifconfig lo0 alias %s up")
						.formatted(endpoint.address().getHostAddress(), DSQL_PORT, ex.getMessage(),
								endpoint.address().getHostAddress()));
				}
			}
		}
		throw new StandInUnavailableException(
				"Every address of the DSQL stand-in is in use on port %d: %s".formatted(DSQL_PORT, failures));
	}

	private static void closeQuietly(@Nullable ServerSocket socket) {
		try {
			if (socket != null) {
				socket.close();
			}
		}
		catch (IOException ex) {
			// nothing was listening yet
		}
	}

	/**
	 * The {@link DsqlStandIn} for a test class: started before it (or the class is
	 * skipped, saying why), and trusted through the JVM's default TLS context while the
	 * class runs, as pgJDBC's {@code DefaultJavaSSLFactory} on the DSQL URL uses it.
	 * <p>
	 * The default context is replaced rather than {@code javax.net.ssl.trustStore} set,
	 * because the JVM reads that property only once, whenever the first TLS connection of
	 * the whole run is made; the replacement works whatever ran before, and every other
	 * test keeps the JVM's own trust.
	 */
	public static final class Extension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
			.create(DsqlStandIn.class);

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			DsqlStandIn standIn = instanceOrNull();
			return (standIn == null) ? ConditionEvaluationResult.disabled(unavailableReason)
					: ConditionEvaluationResult.enabled("The DSQL stand-in is " + standIn.endpoint());
		}

		@Override
		public void beforeAll(ExtensionContext context) throws NoSuchAlgorithmException {
			context.getStore(NAMESPACE).put(SSLContext.class, SSLContext.getDefault());
			SSLContext.setDefault(instance().trustingItsAuthority);
		}

		@Override
		public void afterAll(ExtensionContext context) {
			SSLContext.setDefault(context.getStore(NAMESPACE).get(SSLContext.class, SSLContext.class));
		}

	}

	private record Endpoint(InetAddress address, String host, String otherHost) {

	}

	/**
	 * Passes the bytes of each connection made to the endpoint's address on to the
	 * server's port, both ways, and notes how each connection opened.
	 */
	private static final class Relay {

		/** The first byte of a TLS record that carries a handshake. */
		private static final int TLS_HANDSHAKE = 0x16;

		private final AtomicInteger accepted = new AtomicInteger();

		private final AtomicInteger notOpenedWithTls = new AtomicInteger();

		private final ServerSocket listener;

		private final int serverPort;

		Relay(ServerSocket listener, int serverPort) {
			this.listener = listener;
			this.serverPort = serverPort;
			Thread.ofVirtual().name("dsql-stand-in-relay").start(this::acceptConnections);
		}

		private void acceptConnections() {
			while (!this.listener.isClosed()) {
				try {
					Socket client = this.listener.accept();
					this.accepted.incrementAndGet();
					Thread.ofVirtual().start(() -> relay(client));
				}
				catch (IOException ex) {
					// the JVM is exiting
				}
			}
		}

		private void relay(Socket client) {
			try (client; Socket server = new Socket(InetAddress.getLoopbackAddress(), this.serverPort)) {
				InputStream fromClient = client.getInputStream();
				int first = fromClient.read();
				if (first != TLS_HANDSHAKE) {
					this.notOpenedWithTls.incrementAndGet();
				}
				if (first < 0) {
					return;
				}
				server.getOutputStream().write(first);
				Thread toClient = Thread.ofVirtual().start(() -> copy(server, client));
				copy(client, server);
				toClient.join();
			}
			catch (IOException ex) {
				// one side went away; closing both ends the connection
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/**
		 * Copies until {@code from} has no more, then closes the other direction too.
		 */
		private static void copy(Socket from, Socket to) {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// the connection ended
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ex) {
					// closed already
				}
			}
		}

	}

	private static final class StandInUnavailableException extends RuntimeException {

		StandInUnavailableException(String message) {
			super(message);
		}

	}

}
