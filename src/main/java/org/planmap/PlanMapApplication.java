package org.planmap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PlanMapApplication {
    public static void main(String[] args) {
        SpringApplication.run(PlanMapApplication.class, args);
    }
}
