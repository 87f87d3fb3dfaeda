@NullMarked
package com.example.petclinic.vet;

import org.jspecify.annotations.NullMarked;
