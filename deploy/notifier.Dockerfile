# The notifier service: python -m notifier, installed from requirements.lock with the "notifier" extra.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --system --create-home --uid 10001 dossier
WORKDIR /app

COPY requirements.lock pyproject.toml ./
COPY shared ./shared
COPY notifier ./notifier
# The lock pins every version; the extra selects only what this service needs.
RUN pip install --constraint requirements.lock ".[notifier]"

USER dossier
EXPOSE 8001
CMD ["python", "-m", "notifier"]
