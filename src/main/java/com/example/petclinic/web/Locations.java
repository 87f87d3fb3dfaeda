package com.example.petclinic.web;

import java.net.URI;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The {@code Location} of a created resource, absolute and relative to the current
 * request's context path.
 */
public final class Locations {

	private Locations() {
	}

	public static URI of(String path, Object... uriVariables) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(uriVariables).toUri();
	}

}
