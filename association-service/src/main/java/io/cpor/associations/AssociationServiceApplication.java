package io.cpor.associations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** association-service: reservations, decline windows and their timers, the decline page, on port 8084. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AssociationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssociationServiceApplication.class, args);
    }
}
