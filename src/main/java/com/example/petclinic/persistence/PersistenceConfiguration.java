package com.example.petclinic.persistence;

import com.example.petclinic.PetClinicApplication;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The modules' repositories, without the transactions Spring Data would open around each
 * of their methods: every use case runs in what the {@code retry} package opens for it,
 * and a read in none at all. On Aurora DSQL every statement is a round trip over the
 * network, and a transaction adds one more, its {@code COMMIT}; a read of one statement
 * sees one consistent snapshot without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackageClasses = PetClinicApplication.class, enableDefaultTransactions = false)
public class PersistenceConfiguration {

}
