package com.example.petclinic.database;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Keeps a pooled connection that only ran into SQL the database does not support.
 * HikariCP closes a connection on SQLSTATE {@code 0A000} (feature not supported), as if
 * the connection were broken; Aurora DSQL raises it for every statement outside its SQL
 * surface, on a connection that is perfectly healthy. Every other failure is left to
 * HikariCP. Set as {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class UnsupportedFeatureExceptionOverride implements SQLExceptionOverride {

	static final String FEATURE_NOT_SUPPORTED = "0A000";

	@java.lang.Override
	public Override adjudicate(SQLException ex) {
		return FEATURE_NOT_SUPPORTED.equals(ex.getSQLState()) ? Override.DO_NOT_EVICT : Override.CONTINUE_EVICT;
	}

}
