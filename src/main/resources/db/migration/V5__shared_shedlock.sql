-- ShedLock: scheduled jobs run on one instance at a time, whatever the number of instances.
CREATE TABLE shedlock (
    name       VARCHAR(64)              NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_by  VARCHAR(255)             NOT NULL
);
