package com.example.petclinic.web;

import java.util.List;

import com.example.petclinic.usecase.Precondition;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives a handler method's {@link Precondition} parameter the request's {@code If-Match}
 * header, so that a controller passes it to its use case without reading the header
 * itself. The OpenAPI document declares the header on those operations
 * ({@link ApiDocumentation}).
 */
@Configuration(proxyBeanMethods = false)
class IfMatchArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	private final EntityTags tags;

	IfMatchArgumentResolver(EntityTags tags) {
		this.tags = tags;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Precondition.class;
	}

	@Override
	public Precondition resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest request, @Nullable WebDataBinderFactory binderFactory) {
		// A header sent as several fields is one list, as @RequestHeader joins it.
		String[] fields = request.getHeaderValues(HttpHeaders.IF_MATCH);
		return this.tags.ifMatch((fields != null) ? String.join(",", fields) : null);
	}

}
