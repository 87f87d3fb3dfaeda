package com.example.petclinic.test;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Where a test database is, in the form Spring Boot's data source configuration takes.
 */
public record PostgresConnectionDetails(String jdbcUrl, String username,
		String password) implements JdbcConnectionDetails {

	@Override
	public String getJdbcUrl() {
		return this.jdbcUrl;
	}

	@Override
	public String getUsername() {
		return this.username;
	}

	@Override
	public String getPassword() {
		return this.password;
	}

}
