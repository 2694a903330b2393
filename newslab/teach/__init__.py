"""Instructor tools: student editions, notebook ids, the class release, the grader and the article preflight."""

from .editions import (
           SOLUTIONS_DIR,
           apply_notebook_ids,
           release,
           solution_blocks,
           student_edition,
           write_student_editions,
)

__all__ = ["student_edition", "write_student_editions", "solution_blocks", "apply_notebook_ids", "release",
           "SOLUTIONS_DIR"]
