package com.example.petclinic.retry;

import com.example.petclinic.usecase.WriteUseCase;
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
 * Applies {@link OccRetry} to every method annotated {@link WriteUseCase}, around the
 * transaction that annotation declares.
 * <p>
 * {@code @WriteUseCase} is not built on Spring Framework 7's {@code @Retryable}
 * ({@code @EnableResilientMethods}): that annotation retries, but it cannot refuse to run
 * inside a transaction that is already open (where a retry would repeat only part of the
 * work), it does not count retries and give-ups per use case, and it ends with the last
 * failure instead of a {@code 409} that carries {@code Retry-After}. Framework 7's
 * {@link org.springframework.core.retry.RetryTemplate}, which its annotation uses too,
 * does the back-off inside {@link OccRetry}.
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
				new AnnotationMatchingPointcut(null, WriteUseCase.class, true), new OccRetryInterceptor(occRetry));
		advisor.setOrder(OccRetry.ORDER);
		return advisor;
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
