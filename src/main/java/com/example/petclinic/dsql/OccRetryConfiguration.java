package com.example.petclinic.dsql;

import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Applies {@link OccRetry} to every method annotated {@link RetryOnSerializationFailure},
 * around its transaction.
 * <p>
 * Spring Framework's own {@code @Retryable} was considered: it retries, but it cannot
 * refuse to run inside an open transaction, and it does not count retries per use case.
 * Its {@link org.springframework.core.retry.RetryTemplate} does the back-off inside
 * {@link OccRetry}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OccRetryProperties.class)
class OccRetryConfiguration {

	@Bean
	OccRetry occRetry(OccRetryProperties properties, MeterRegistry meters) {
		return new OccRetry(properties, meters);
	}

	// Static and infrastructure, like Spring's transaction advisor: advisors are looked
	// up while other beans are still being created, so the retry itself is only
	// resolved at the first call.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor occRetryAdvisor(ObjectProvider<OccRetry> occRetry) {
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
				AnnotationMatchingPointcut.forMethodAnnotation(RetryOnSerializationFailure.class),
				new OccRetryInterceptor(occRetry));
		advisor.setOrder(OccRetry.ORDER);
		return advisor;
	}

	@Bean
	static ConcurrentMigrationRetry concurrentMigrationRetry() {
		return new ConcurrentMigrationRetry();
	}

	private record OccRetryInterceptor(ObjectProvider<OccRetry> occRetry) implements MethodInterceptor {

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			if (!(invocation instanceof ProxyMethodInvocation proxyInvocation)) {
				throw new IllegalStateException("Cannot retry " + invocation.getMethod() + " outside a Spring proxy");
			}
			String useCase = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
					+ invocation.getMethod().getName();
			// A clone per attempt: proceeding twice on one invocation would skip the
			// advice after this one, the transaction included.
			return this.occRetry.getObject().run(useCase, () -> proxyInvocation.invocableClone().proceed());
		}

	}

}
