package com.example.petclinic.security;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * What the OpenAPI document says of authentication when tokens are required: a bearer
 * scheme, which Swagger UI's "Authorize" fills in, and on each operation the scopes that
 * allow it (a read: {@code petclinic.read} or {@code petclinic.write}, two alternative
 * requirements; a change: {@code petclinic.write}) and the {@code 401} and {@code 403} it
 * can answer, as problems like every failure. With {@code petclinic.auth=none} the
 * document says nothing of it, as the service asks for nothing.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
class ApiSecurityDocumentation {

	static final String SCHEME = "bearer";

	static final String UNAUTHORIZED = "No valid bearer token: it is missing, expired or not yet valid, "
			+ "from another issuer, for another audience, not an access token, or not signed by the issuer; "
			+ "`WWW-Authenticate` says why";

	static final String FORBIDDEN = "The access token lacks the scope this operation needs";

	private final boolean tokensRequired;

	ApiSecurityDocumentation(Environment environment) {
		this.tokensRequired = AuthMode.of(environment) == AuthMode.JWT;
	}

	@Bean
	OpenApiCustomizer bearerSchemeCustomizer() {
		return (openApi) -> {
			if (!this.tokensRequired) {
				return;
			}
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSecuritySchemes(SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("JWT")
							.description("An OAuth 2.0 access token (JWT) from the service's issuer, "
									+ "for one of its audiences, with the scopes each operation names"));
		};
	}

	@Bean
	OperationCustomizer requiredScopesCustomizer(AuthProperties auth) {
		return (operation, handler) -> {
			if (!this.tokensRequired) {
				return operation;
			}
			RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(),
					RequestMapping.class);
			boolean reads = mapping != null && List.of(mapping.method()).contains(RequestMethod.GET);
			if (reads) {
				require(operation, auth.readScope());
			}
			require(operation, auth.writeScope());
			ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
			responses.addApiResponse("401", new ApiResponse().description(UNAUTHORIZED));
			responses.addApiResponse("403", new ApiResponse().description(FORBIDDEN));
			return operation.responses(responses);
		};
	}

	/**
	 * One more alternative: requirements listed side by side are alternatives, the scopes
	 * of one requirement are all needed.
	 */
	private static void require(Operation operation, String scope) {
		operation.addSecurityItem(new SecurityRequirement().addList(SCHEME, scope));
	}

}
