package com.micromall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableAsync;

@SpringBootApplication
@Modulithic(sharedModules = "shared")
@EnableAsync
public class MicromallApplication {

    public static void main(String[] args) {
        SpringApplication.run(MicromallApplication.class, args);
    }
}
