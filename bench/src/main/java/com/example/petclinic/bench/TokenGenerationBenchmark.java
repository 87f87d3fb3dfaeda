package com.example.petclinic.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dsql.DsqlUtilities;

/**
 * What an Aurora DSQL IAM token costs: a SigV4 presigned URL, computed locally with no
 * network call. The service generates one for each new physical connection, never per
 * request. The credentials are the AWS documentation's example keys.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx256m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenGenerationBenchmark {

	private static final String HOSTNAME = "abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws";

	private static final Duration EXPIRES_IN = Duration.ofMinutes(15);

	@SuppressWarnings("NullAway.Init")
	private DsqlUtilities utilities;

	@Setup
	public void createUtilities() {
		this.utilities = DsqlUtilities.builder()
			.region(Region.US_EAST_1)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")))
			.build();
	}

	@Benchmark
	public String connectToken() {
		return this.utilities.generateDbConnectAuthToken(
				(request) -> request.hostname(HOSTNAME).region(Region.US_EAST_1).expiresIn(EXPIRES_IN));
	}

	@Benchmark
	public String adminConnectToken() {
		return this.utilities.generateDbConnectAdminAuthToken(
				(request) -> request.hostname(HOSTNAME).region(Region.US_EAST_1).expiresIn(EXPIRES_IN));
	}

}
