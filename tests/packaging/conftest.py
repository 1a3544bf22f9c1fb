"""The packaging tests start the app on a real X server too: the same Xvfb fixture as the window test."""

from tests.test_real_window import x_server as x_server
