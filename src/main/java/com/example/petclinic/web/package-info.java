/**
 * Cross-cutting HTTP concerns: RFC 9457 problem responses for every failure (the use
 * cases' own, Spring MVC's, the database's, and requests Tomcat refuses), paging
 * parameters, ETags and {@code If-Match}, request ids, the OpenAPI document. Knows no
 * module; only controllers use it.
 */
@NullMarked
package com.example.petclinic.web;

import org.jspecify.annotations.NullMarked;
