"""Evaluation of the CTG assistant: question sets, scoring, reports (``ctg eval``)."""
