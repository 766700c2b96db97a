import os

import gitlab

gl = gitlab.Gitlab("https://gitlab.acme.internal", private_token="glpat-_wkQhJf5V_ImJ3NiPV4u")
ci = gitlab.Gitlab("https://gitlab.acme.internal", job_token=os.environ["CI_JOB_TOKEN"])


def mirror(project_id: int) -> None:
    project = gl.projects.get(project_id)
    project.mirror_pull()
