DROP TABLE agent_remember;
DROP TABLE customers;
DROP TABLE agents;
