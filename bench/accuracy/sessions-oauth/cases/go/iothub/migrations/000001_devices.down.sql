DROP TABLE telemetry;
DROP TABLE operators;
DROP TABLE device_refresh;
DROP TABLE devices;
