package com.example.petclinic.dsql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Where a cluster is: its host name and its AWS Region. The Region is part of a cluster
 * endpoint ({@code <cluster-id>.dsql.<region>.on.aws}), so it only has to be given for
 * other host names, such as a VPC endpoint's.
 *
 * @param host the host name the connection and its auth token are for
 * @param region the AWS Region whose key signs the token
 */
public record DsqlEndpoint(String host, String region) {

	private static final Pattern CLUSTER_ENDPOINT = Pattern
		.compile("[a-z0-9]+\\.dsql(?:-fips)?\\.([a-z0-9-]+)\\.on\\.aws", Pattern.CASE_INSENSITIVE);

	private static final Pattern HOST_NAME = Pattern.compile(
			"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

	/**
	 * The endpoint of {@code host}, in {@code region} when given, else in the Region its
	 * name carries.
	 * @throws DsqlConfigurationException when the host is not a host name, or the Region
	 * is neither given nor part of the host name, or not a Region name
	 */
	public static DsqlEndpoint of(String host, @Nullable String region) {
		String endpoint = host.trim();
		if (!HOST_NAME.matcher(endpoint).matches()) {
			throw new DsqlConfigurationException(
					("CLUSTER_ENDPOINT '%s' is not a host name: give the cluster endpoint alone, "
							+ "without scheme, port or path, like abcdefghijklmnopqrstuvwxyz.dsql.us-east-1.on.aws")
						.formatted(host));
		}
		String resolvedRegion = StringUtils.hasText(region) ? region.trim() : regionOf(endpoint);
		if (resolvedRegion == null) {
			throw new DsqlConfigurationException(
					("The AWS Region of CLUSTER_ENDPOINT '%s' is unknown: it is not of the form "
							+ "<cluster-id>.dsql.<region>.on.aws, so set REGION (petclinic.dsql.region), like us-east-1")
						.formatted(endpoint));
		}
		if (!REGION.matcher(resolvedRegion).matches()) {
			throw new DsqlConfigurationException(
					"REGION '%s' is not an AWS Region name like us-east-1".formatted(resolvedRegion));
		}
		return new DsqlEndpoint(endpoint, resolvedRegion);
	}

	private static @Nullable String regionOf(String host) {
		Matcher matcher = CLUSTER_ENDPOINT.matcher(host);
		return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
	}

}
