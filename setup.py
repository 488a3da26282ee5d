"""Package list: every `pipeline*` package, plus `rules/` shipped inside the wheel as
`pipeline/rules_data` so installed copies find the language data (see pipeline/rules.py)."""
from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["pipeline", "pipeline.*"]) + ["pipeline.rules_data"],
    package_dir={"pipeline.rules_data": "rules"},
    package_data={"pipeline.rules_data": ["*", "**/*"]},
)
