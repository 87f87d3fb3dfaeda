package com.example.petclinic.dsql;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when a cluster endpoint is configured. An empty value does not count.
 */
class OnDsqlEndpointCondition extends SpringBootCondition {

	static final String PROPERTY = "petclinic.dsql.endpoint";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String endpoint = context.getEnvironment().getProperty(PROPERTY);
		return StringUtils.hasText(endpoint) ? ConditionOutcome.match("Aurora DSQL cluster " + endpoint)
				: ConditionOutcome.noMatch(PROPERTY + " (CLUSTER_ENDPOINT) is not set");
	}

}
