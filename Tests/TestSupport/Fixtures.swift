import Mindscope
