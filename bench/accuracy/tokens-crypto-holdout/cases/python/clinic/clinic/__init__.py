"""Riverside Clinic booking service."""
