package com.example.petclinic.web;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How deep the lists' numbered pages go ({@code petclinic.lists.*}).
 *
 * @param maxOffset the most rows a numbered page ({@code page=}) may skip: the database
 * reads every row it skips, so a page deep in a large table costs as much as all the
 * pages before it; beyond this a request is refused with {@code 400} and told to follow
 * the cursor of the {@code next} link, which costs one page wherever it is
 */
@Validated
@ConfigurationProperties("petclinic.lists")
public record ListProperties(@DefaultValue("10000") @PositiveOrZero int maxOffset) {

}
