package com.example.petclinic.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a request may make the service read ({@code petclinic.http.*}).
 *
 * @param maxRequestBodySize the largest request body read, JSON or form; a larger one is
 * refused with {@code 413} before it is read: a few concurrent bodies of tens of
 * megabytes would otherwise exhaust the heap
 */
@ConfigurationProperties("petclinic.http")
public record HttpLimitsProperties(@DefaultValue("256KB") DataSize maxRequestBodySize) {

}
