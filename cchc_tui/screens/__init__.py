"""Screens of the cchc app, one per module."""
