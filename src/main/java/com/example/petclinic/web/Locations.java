package com.example.petclinic.web;

import java.net.URI;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The {@code Location} of a created resource: a URI reference relative to the current
 * request's host (RFC 9110 allows it), the path starting with the context path. It is
 * never built from the request's {@code Host} header, which a client chooses freely; a
 * client resolves it against the URL it sent the request to. Behind a proxy that adds a
 * prefix, the context path carries it only when forwarded headers are trusted
 * ({@code server.forward-headers-strategy}).
 */
public final class Locations {

	private Locations() {
	}

	public static URI of(String path, Object... uriVariables) {
		String contextPath = (RequestContextHolder
			.getRequestAttributes() instanceof ServletRequestAttributes attributes)
					? attributes.getRequest().getContextPath() : "";
		return UriComponentsBuilder.fromPath(contextPath).path(path).buildAndExpand(uriVariables).toUri();
	}

}
