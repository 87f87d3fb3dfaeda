package com.example.petclinic.database;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The database as the probes last found it: up while any endpoint answers, with each
 * endpoint's Region and state and which one new work goes to. It reads what the probes
 * found and never waits for the database itself, so readiness answers at once even when
 * the database does not, or when every pooled connection is busy.
 */
class DatabaseHealthIndicator implements HealthIndicator {

	private final DatabaseEndpoints endpoints;

	DatabaseHealthIndicator(DatabaseEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public Health health() {
		Map<String, Object> byName = new LinkedHashMap<>();
		DatabaseEndpoint active = this.endpoints.active();
		for (DatabaseEndpoint endpoint : this.endpoints.all()) {
			Map<String, Object> details = new LinkedHashMap<>();
			if (endpoint.region() != null) {
				details.put("region", endpoint.region());
			}
			details.put("state", endpoint.state().name());
			details.put("since", endpoint.since().toString());
			details.put("active", endpoint == active);
			byName.put(endpoint.name(), details);
		}
		Health.Builder health = this.endpoints.isAvailable() ? Health.up() : Health.down();
		return health.withDetail("active", active.name()).withDetail("endpoints", byName).build();
	}

}
