package com.example.petclinic.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.example.petclinic.usecase.Precondition;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Entity tags of single resources, computed from the JSON a client receives: the schema
 * is the AWS sample's and has no version column, and a hash of the representation changes
 * exactly when what a client sees changes. The tag is strong, as {@code If-Match}
 * requires.
 */
@Component
public class EntityTags {

	private final JsonMapper json;

	EntityTags(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The tag of a representation, quoted as in an {@code ETag} header.
	 */
	public String of(Object representation) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.json.writeValueAsBytes(representation));
			return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	/**
	 * {@code 200 OK} with a single resource's representation and its {@code ETag}.
	 */
	public <T> ResponseEntity<T> ok(T representation) {
		return ResponseEntity.ok().eTag(of(representation)).body(representation);
	}

	/**
	 * The precondition of a request's {@code If-Match} header, none when the header is
	 * absent.
	 */
	Precondition ifMatch(@Nullable String header) {
		return (header != null) ? new IfMatch(header, this) : Precondition.NONE;
	}

}
