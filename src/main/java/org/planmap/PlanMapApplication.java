package org.planmap;

import org.planmap.system.StartupPreflight;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PlanMapApplication {
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(PlanMapApplication.class);
        app.addListeners(new StartupPreflight()); // geodata folder and database set-up, one line each, before any file is created
        app.run(args);
    }
}
