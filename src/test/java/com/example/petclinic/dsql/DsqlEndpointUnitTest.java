package com.example.petclinic.dsql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DsqlEndpointUnitTest {

	@Test
	void theRegionComesFromTheClusterEndpoint() {
		assertThat(DsqlEndpoint.of("abcdefghijklmnopqrstuvwxyz.dsql.eu-west-1.on.aws", null))
			.isEqualTo(new DsqlEndpoint("abcdefghijklmnopqrstuvwxyz.dsql.eu-west-1.on.aws", "eu-west-1"));
	}

	@Test
	void aGivenRegionIsTakenAsItIs() {
		assertThat(DsqlEndpoint.of("abc.dsql.us-east-1.on.aws", "us-east-2").region()).isEqualTo("us-east-2");
	}

	@Test
	void anEmptyRegionCountsAsNotGiven() {
		assertThat(DsqlEndpoint.of("abc.dsql.us-east-1.on.aws", "").region()).isEqualTo("us-east-1");
	}

	@Test
	void anotherHostNameNeedsARegion() {
		assertThatExceptionOfType(DsqlConfigurationException.class)
			.isThrownBy(() -> DsqlEndpoint.of("db.internal.example.com", null))
			.withMessage("The AWS Region of CLUSTER_ENDPOINT 'db.internal.example.com' is unknown: it is not of the "
					+ "form <cluster-id>.dsql.<region>.on.aws, so set REGION (petclinic.dsql.region), like us-east-1");
		assertThat(DsqlEndpoint.of("db.internal.example.com", "us-west-2"))
			.isEqualTo(new DsqlEndpoint("db.internal.example.com", "us-west-2"));
	}

	@Test
	void anEndpointWithSchemePortOrPathIsRefused() {
		for (String malformed : new String[] { "https://abc.dsql.us-east-1.on.aws", "abc.dsql.us-east-1.on.aws:5432",
				"abc.dsql.us-east-1.on.aws/postgres", "abc dsql" }) {
			assertThatExceptionOfType(DsqlConfigurationException.class)
				.isThrownBy(() -> DsqlEndpoint.of(malformed, null))
				.withMessage(
						"CLUSTER_ENDPOINT '%s' is not a host name: give the cluster endpoint alone, without "
								+ "scheme, port or path, like abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws",
						malformed);
		}
	}

	@Test
	void aRegionThatIsNotARegionNameIsRefused() {
		assertThatExceptionOfType(DsqlConfigurationException.class)
			.isThrownBy(() -> DsqlEndpoint.of("abc.dsql.us-east-1.on.aws", "virginia"))
			.withMessage("REGION 'virginia' is not an AWS Region name like us-east-1");
	}

}
