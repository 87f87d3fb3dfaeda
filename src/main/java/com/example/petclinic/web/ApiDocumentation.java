package com.example.petclinic.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.example.petclinic.usecase.Precondition;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI document of the API ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}). Springdoc derives paths, parameters and bodies from the
 * controllers; this class adds what the controllers do not say, by the API's own rules,
 * so that they stay free of documentation annotations:
 * <ul>
 * <li>{@code POST} answers {@code 201} with a {@code Location}, {@code DELETE} answers
 * {@code 204};</li>
 * <li>every failure is an RFC 9457 problem ({@code application/problem+json}) with, for
 * validation, a list of field errors; which statuses an operation can answer follows from
 * its parameters, its body and its method (see
 * {@link #problemStatuses(PathItem.HttpMethod, Operation)}). A status that only the
 * domain knows (such as {@code 422}) is declared on the handler method with
 * {@code @ApiResponse} (next to {@code useReturnTypeSchema} for its success, which
 * springdoc otherwise drops) and gets its problem content here.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM_MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	static final String PROBLEM_SCHEMA = "ProblemDetail";

	static final String FIELD_ERROR_SCHEMA = "FieldError";

	private static final Set<PathItem.HttpMethod> WRITES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
			PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

	private static final Map<Integer, String> PROBLEM_DESCRIPTIONS = Map.of(400,
			"The request is malformed or has invalid values; `errors` lists each invalid field or parameter", 404,
			"The resource named in the path does not exist", 409,
			"The request conflicts with the current state of the resource, or with a concurrent change; nothing was changed",
			415, "The request body is not `application/json`", 500,
			"The service failed to process the request; the problem says nothing more");

	@Bean
	OpenAPI petClinicOpenApi(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		return new OpenAPI().info(new Info().title("DSQL Pet Clinic API")
			.version((properties != null) ? properties.getVersion() : "unknown")
			.description("Owners, pets, vets and specialties of a pet clinic, kept in Amazon Aurora DSQL. "
					+ "Every failure is an RFC 9457 problem (application/problem+json). "
					+ "Any operation also answers 405 for a method it does not support and 406 for an Accept header it cannot honour."));
	}

	@Bean
	OpenApiCustomizer problemResponsesCustomizer() {
		return (openApi) -> {
			openApi.getComponents().addSchemas(FIELD_ERROR_SCHEMA, fieldErrorSchema());
			openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = operation.getResponses();
				successStatus(method, responses);
				nextLink(responses);
				problemStatuses(method, operation)
					.forEach((status) -> responses.putIfAbsent(String.valueOf(status), new ApiResponse()));
				responses.forEach((status, response) -> describeProblem(Integer.parseInt(status), response));
				operation.setResponses(sorted(responses));
			}));
		};
	}

	private static void successStatus(PathItem.HttpMethod method, ApiResponses responses) {
		if (method == PathItem.HttpMethod.POST) {
			ApiResponse created = responses.containsKey("200") ? responses.remove("200") : responses.get("201");
			if (created != null) {
				responses.addApiResponse("201",
						created.description("Created; `Location` names the new resource")
							.addHeaderObject("Location", new Header().description("The URL of the new resource")
								.schema(new StringSchema().format("uri"))));
			}
		}
		else if (method == PathItem.HttpMethod.DELETE && responses.remove("200") != null) {
			responses.addApiResponse("204", new ApiResponse().description("Deleted"));
		}
	}

	/**
	 * A page of a list ({@link ListPage}) may link to the next one in its {@code Link}
	 * header.
	 */
	private static void nextLink(ApiResponses responses) {
		ApiResponse ok = responses.get("200");
		if (ok == null || ok.getContent() == null) {
			return;
		}
		boolean page = ok.getContent()
			.values()
			.stream()
			.map(MediaType::getSchema)
			.anyMatch((schema) -> schema != null && schema.get$ref() != null
					&& schema.get$ref().startsWith("#/components/schemas/" + ListPage.class.getSimpleName()));
		if (page) {
			ok.addHeaderObject(HttpHeaders.LINK,
					new Header().description(
							"`<url>; rel=\"next\"` (RFC 8288) when there is a next page: the same URL as `page.next`")
						.schema(new StringSchema()));
		}
	}

	/**
	 * Names each operation after its handler method and resource ({@code getOwner},
	 * {@code createVet}) and groups it under its resource, instead of springdoc's
	 * {@code get_2} and {@code owner-controller}.
	 */
	@Bean
	OperationCustomizer operationNamesCustomizer() {
		return (operation, handler) -> {
			String resource = handler.getBeanType().getSimpleName().replace("Controller", "");
			return operation.operationId(handler.getMethod().getName() + resource).tags(List.of(resource));
		};
	}

	/**
	 * Declares the {@code If-Match} header of every operation whose handler takes a
	 * {@link Precondition}, which {@link IfMatchArgumentResolver} reads from it;
	 * springdoc itself is told to leave that parameter out.
	 */
	@Bean
	OperationCustomizer ifMatchCustomizer() {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Precondition.class);
		return (operation, handler) -> {
			if (Arrays.stream(handler.getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == Precondition.class)) {
				operation.addParametersItem(
						new HeaderParameter().name(HttpHeaders.IF_MATCH).required(false).schema(new StringSchema()));
			}
			return operation;
		};
	}

	/**
	 * The failures an operation can answer: {@code 400} when it reads a body or a
	 * parameter that must be parsed or validated, {@code 404} when its path names a
	 * resource, {@code 409} when it writes, {@code 415} when it reads a body, and
	 * {@code 500} always.
	 */
	static Set<Integer> problemStatuses(PathItem.HttpMethod method, Operation operation) {
		boolean hasBody = operation.getRequestBody() != null;
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters()
				: List.<Parameter>of();
		boolean parsesParameter = parameters.stream().anyMatch(ApiDocumentation::mustBeParsed);
		boolean namesResource = parameters.stream().anyMatch((parameter) -> "path".equals(parameter.getIn()));
		Set<Integer> statuses = new TreeSet<>();
		if (hasBody || parsesParameter) {
			statuses.add(400);
		}
		if (namesResource) {
			statuses.add(404);
		}
		if (WRITES.contains(method)) {
			statuses.add(409);
		}
		if (hasBody) {
			statuses.add(415);
		}
		statuses.add(500);
		return statuses;
	}

	private static boolean mustBeParsed(Parameter parameter) {
		Schema<?> schema = parameter.getSchema();
		if (schema == null) {
			return false;
		}
		String type = (schema.getType() != null) ? schema.getType()
				: (schema.getTypes() != null && schema.getTypes().size() == 1) ? schema.getTypes().iterator().next()
						: null;
		boolean plainString = "string".equals(type) && schema.getFormat() == null && schema.getMaxLength() == null
				&& schema.getPattern() == null && schema.getEnum() == null;
		return !plainString;
	}

	private static void describeProblem(int status, ApiResponse response) {
		if (status < 400) {
			return;
		}
		if (response.getDescription() == null || response.getDescription().isBlank()) {
			String description = PROBLEM_DESCRIPTIONS.get(status);
			response.setDescription((description != null) ? description : HttpStatus.valueOf(status).getReasonPhrase());
		}
		response.setContent(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
	}

	private static ApiResponses sorted(ApiResponses responses) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(responses).forEach(sorted::addApiResponse);
		return sorted;
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem")
			.addProperty("type", new StringSchema().format("uri").example("about:blank"))
			.addProperty("title", new StringSchema().example("Bad Request"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail", new StringSchema().example("The request has 1 invalid value"))
			.addProperty("instance", new StringSchema().format("uri").example("/api/owners"))
			.addProperty("errors",
					new ArraySchema().description("Only for 400: each invalid field or parameter")
						.items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)))
			.required(List.of("type", "title", "status"));
	}

	private static Schema<?> fieldErrorSchema() {
		return new ObjectSchema().description("One invalid value of a request")
			.addProperty("field", new StringSchema().description("The body field or query parameter").example("name"))
			.addProperty("message",
					new StringSchema().description("What is wrong with it").example("must not be blank"))
			.required(List.of("field", "message"));
	}

}
