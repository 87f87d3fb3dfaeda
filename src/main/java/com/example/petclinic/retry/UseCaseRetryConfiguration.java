package com.example.petclinic.retry;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.example.petclinic.database.DatabaseEndpoints;
import com.example.petclinic.database.DatabaseProperties;
import com.example.petclinic.usecase.ReadUseCase;
import com.example.petclinic.usecase.WriteUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Runs every method annotated {@link ReadUseCase} or {@link WriteUseCase} through a
 * {@link UseCaseRunner}: in a transaction of its own, again when that is safe and may
 * succeed.
 * <p>
 * The use case annotations are not built on Spring Framework 7's {@code @Retryable}
 * ({@code @EnableResilientMethods}) or on {@code @Transactional}: the retry must own the
 * transaction, to know whether a failure came before the {@code COMMIT} was sent (nothing
 * stored) or during it (outcome unknown); it must refuse to run inside a transaction that
 * is already open (where a retry would repeat only part of the work); it counts retries
 * and give-ups per use case; and it ends with a {@code 409} or {@code 503} that carries
 * {@code Retry-After} instead of the last failure. Framework 7's
 * {@link org.springframework.core.retry.RetryTemplate} does the back-off of
 * {@link OccRetry}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OccRetryProperties.class)
class UseCaseRetryConfiguration {

	@Bean
	OccRetry occRetry(OccRetryProperties properties, MeterRegistry meters) {
		return new OccRetry(properties, meters);
	}

	@Bean
	UseCaseRunner useCaseRunner(OccRetry occRetry, PlatformTransactionManager transactions, DatabaseEndpoints endpoints,
			DatabaseProperties properties, MeterRegistry meters) {
		return new UseCaseRunner(occRetry, transactions, endpoints, properties, meters);
	}

	// Static and infrastructure, like Spring's transaction advisor: advisors are looked
	// up while other beans are still being created, so the runner itself is only
	// resolved at the first call.
	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor useCaseAdvisor(ObjectProvider<UseCaseRunner> runner) {
		ComposablePointcut useCases = new ComposablePointcut(
				new AnnotationMatchingPointcut(null, WriteUseCase.class, true))
			.union(new AnnotationMatchingPointcut(null, ReadUseCase.class, true));
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(useCases, new UseCaseInterceptor(runner));
		advisor.setOrder(OccRetry.ORDER);
		return advisor;
	}

	private static final class UseCaseInterceptor implements MethodInterceptor {

		private final ObjectProvider<UseCaseRunner> runner;

		private final Map<Method, UseCase> useCases = new ConcurrentHashMap<>();

		UseCaseInterceptor(ObjectProvider<UseCaseRunner> runner) {
			this.runner = runner;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			if (!(invocation instanceof ProxyMethodInvocation proxyInvocation)) {
				throw new IllegalStateException("Cannot run " + invocation.getMethod() + " outside a Spring proxy");
			}
			UseCase useCase = this.useCases.get(invocation.getMethod());
			if (useCase == null) {
				useCase = this.useCases.computeIfAbsent(invocation.getMethod(), UseCaseInterceptor::useCase);
			}
			// A clone per attempt: proceeding twice on one invocation would skip the
			// advice after this one.
			return this.runner.getObject().run(useCase, () -> proxyInvocation.invocableClone().proceed());
		}

		private static UseCase useCase(Method method) {
			String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
			WriteUseCase write = AnnotatedElementUtils.findMergedAnnotation(method, WriteUseCase.class);
			return (write != null) ? UseCase.write(name, write.afterUnknownCommit()) : UseCase.read(name);
		}

	}

}
