package com.example.petclinic.test;

import com.example.petclinic.database.DatabaseEndpoints;
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
			.forEach((endpoint) -> endpoint.pool().getHikariPoolMXBean().softEvictConnections());
	}

}
