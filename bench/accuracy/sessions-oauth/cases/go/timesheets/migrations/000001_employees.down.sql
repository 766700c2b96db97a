DROP TABLE weeks;
DROP TABLE employees;
