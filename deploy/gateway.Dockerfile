# The gateway service: python -m gateway, installed from requirements.lock with the "gateway" extra.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --system --create-home --uid 10001 dossier
WORKDIR /app

COPY requirements.lock pyproject.toml ./
COPY shared ./shared
COPY gateway ./gateway
# The lock pins every version; the extra selects only what this service needs.
RUN pip install --constraint requirements.lock ".[gateway]"

USER dossier
EXPOSE 8000
CMD ["python", "-m", "gateway"]
