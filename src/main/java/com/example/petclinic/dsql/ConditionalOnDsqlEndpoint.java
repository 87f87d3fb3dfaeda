package com.example.petclinic.dsql;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Switches a configuration or bean on only when an Aurora DSQL cluster endpoint is
 * configured ({@code CLUSTER_ENDPOINT}, {@code petclinic.dsql.endpoint}): the one switch
 * every DSQL specific hangs on. An empty value does not count.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnDsqlEndpointCondition.class)
public @interface ConditionalOnDsqlEndpoint {

}
