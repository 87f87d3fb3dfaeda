package com.example.petclinic.dsql;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach an Aurora DSQL cluster ({@code petclinic.dsql.*}, filled from the AWS
 * sample's environment variables {@code CLUSTER_ENDPOINT}, {@code CLUSTER_USER} and
 * {@code REGION}, and {@code CLUSTER_ENDPOINT_SECONDARY} of its multi-Region successor).
 * The pools themselves are tuned with {@code spring.datasource.hikari.*}.
 *
 * @param endpoint the cluster endpoint, like
 * {@code abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws}; DSQL is used when it is set
 * @param user the database role: {@value DsqlTokenGenerator#ADMIN} or a role linked to
 * the service's IAM identity
 * @param region the AWS Region, when the endpoint does not tell it
 * @param schema the schema of a non-admin user ({@value DsqlTokenGenerator#ADMIN} works
 * in {@code public})
 * @param tokenLifetime how long each auth token can open connections
 * @param secondaryEndpoint the endpoint of the peered cluster in another Region of a
 * multi-Region cluster, which work moves to while the endpoint (of the service's own
 * Region) is down
 * @param secondaryRegion the AWS Region of the secondary endpoint, when its host name
 * does not tell it
 */
@ConfigurationProperties("petclinic.dsql")
public record DsqlProperties(@Nullable String endpoint, @DefaultValue(DsqlTokenGenerator.ADMIN) String user,
		@Nullable String region, @DefaultValue("myschema") String schema, @DefaultValue("15m") Duration tokenLifetime,
		@Nullable String secondaryEndpoint, @Nullable String secondaryRegion) {

	/**
	 * The schema every connection of {@link #user()} works in.
	 */
	public String schemaOfUser() {
		return DsqlTokenGenerator.ADMIN.equals(this.user) ? "public" : this.schema;
	}

}
