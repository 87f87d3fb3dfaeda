package com.example.petclinic.dsql;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dsql.DsqlUtilities;
import software.amazon.awssdk.services.dsql.model.GenerateAuthTokenRequest;

/**
 * Signs DSQL auth tokens locally with the AWS SDK (no network call): an admin token for
 * {@value DsqlTokenGenerator#ADMIN}, a normal one for every other user.
 */
public class AwsDsqlTokenGenerator implements DsqlTokenGenerator {

	private final DsqlEndpoint endpoint;

	private final DsqlUtilities utilities;

	private final AwsCredentialsProvider credentials;

	/**
	 * Tokens for {@code endpoint}, signed with the credentials {@code credentials}
	 * resolves each time (so rotated role credentials are picked up).
	 */
	public AwsDsqlTokenGenerator(DsqlEndpoint endpoint, AwsCredentialsProvider credentials) {
		this.endpoint = endpoint;
		this.credentials = credentials;
		this.utilities = DsqlUtilities.builder()
			.region(Region.of(endpoint.region()))
			.credentialsProvider(credentials)
			.build();
	}

	@Override
	public DsqlTokenGenerator forEndpoint(DsqlEndpoint endpoint) {
		return new AwsDsqlTokenGenerator(endpoint, this.credentials);
	}

	@Override
	public String generateToken(String user, Duration lifetime) {
		GenerateAuthTokenRequest request = GenerateAuthTokenRequest.builder()
			.hostname(this.endpoint.host())
			.region(Region.of(this.endpoint.region()))
			.expiresIn(lifetime)
			.build();
		try {
			return ADMIN.equals(user) ? this.utilities.generateDbConnectAdminAuthToken(request)
					: this.utilities.generateDbConnectAuthToken(request);
		}
		catch (SdkClientException ex) {
			throw new MissingAwsCredentialsException(user, this.endpoint, ex);
		}
	}

}
