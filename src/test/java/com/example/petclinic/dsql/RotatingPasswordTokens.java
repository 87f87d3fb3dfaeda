package com.example.petclinic.dsql;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.example.petclinic.test.PasswordAuthPostgres;

/**
 * Tokens that work like DSQL's on a local PostgreSQL: each new token becomes the role's
 * only password, valid until the token's lifetime has passed. So only the newest token
 * can log in, an expired one cannot, and a connection opened with it stays open.
 */
class RotatingPasswordTokens implements DsqlTokenGenerator {

	private final List<String> issued = new CopyOnWriteArrayList<>();

	private final DataSource superuser;

	/**
	 * Tokens for the roles of the {@link PasswordAuthPostgres}.
	 */
	RotatingPasswordTokens() {
		this(PasswordAuthPostgres.superuser());
	}

	/**
	 * Tokens for the roles of the PostgreSQL that {@code superuser} administers.
	 */
	RotatingPasswordTokens(DataSource superuser) {
		this.superuser = superuser;
	}

	@Override
	public synchronized String generateToken(String user, Duration lifetime) {
		String token = "token-" + UUID.randomUUID();
		try (Connection connection = this.superuser.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("ALTER ROLE \"%s\" PASSWORD '%s' VALID UNTIL '%s'".formatted(user, token,
					OffsetDateTime.now().plus(lifetime)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		this.issued.add(token);
		return token;
	}

	int count() {
		return this.issued.size();
	}

	String latest() {
		return this.issued.getLast();
	}

}
