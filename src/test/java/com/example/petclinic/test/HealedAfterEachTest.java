package com.example.petclinic.test;

import java.util.Objects;

import com.example.petclinic.database.DatabaseEndpoints;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * After each test that broke the network, the proxies pass again and the pools drop the
 * connections the test broke, so that the next test (and its {@code @Sql}, which no retry
 * covers) starts on a healthy network.
 */
public class HealedAfterEachTest implements AfterEachCallback {

	@Override
	public void afterEach(ExtensionContext context) {
		ProxiedDatabase.heal();
		SpringExtension.getApplicationContext(context)
			.getBean(DatabaseEndpoints.class)
			.all()
			.stream()
			.map((endpoint) -> endpoint.pool().getHikariPoolMXBean())
			// null: a pool no work has gone to yet, which has no connections
			.filter(Objects::nonNull)
			.forEach(HikariPoolMXBean::softEvictConnections);
	}

}
