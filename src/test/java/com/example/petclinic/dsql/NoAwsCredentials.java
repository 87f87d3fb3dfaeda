package com.example.petclinic.dsql;

import java.io.ByteArrayInputStream;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * A credentials provider that finds none, whatever the machine running the tests has.
 */
final class NoAwsCredentials {

	private NoAwsCredentials() {
	}

	static AwsCredentialsProvider provider() {
		ProfileFile noProfiles = ProfileFile.builder()
			.content(new ByteArrayInputStream(new byte[0]))
			.type(ProfileFile.Type.CREDENTIALS)
			.build();
		return ProfileCredentialsProvider.builder().profileFile(noProfiles).profileName("none").build();
	}

}
