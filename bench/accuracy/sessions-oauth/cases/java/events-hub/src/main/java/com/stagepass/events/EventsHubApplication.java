package com.stagepass.events;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class EventsHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(EventsHubApplication.class, args);
    }
}
