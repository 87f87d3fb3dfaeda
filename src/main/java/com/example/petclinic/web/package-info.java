@NullMarked
package com.example.petclinic.web;

import org.jspecify.annotations.NullMarked;
